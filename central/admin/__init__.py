"""Web admin of the office: server-rendered pages behind a password login."""
