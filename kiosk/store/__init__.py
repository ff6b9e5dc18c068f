"""The encrypted local store: one SQLCipher connection, migrations, repositories. No Qt."""
