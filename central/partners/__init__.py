"""The partner space: partners' staff check members' cards and vouchers on their own phone
(even offline) and record the discounts used; members' savings, measured and declared;
the office's pages and the Bilan's savings sections. See docs/partners.md.

- ``api``: the page (``/partners/``), its service worker and its JSON API;
- ``accounts``: partner accounts and sessions; ``redemptions``: a use recorded once per
  nonce, limits settled; ``credentials``: a card or voucher judged by the server;
- ``ledger``: members' yearly totals and vouchers, and what kiosks are told of them;
- ``retention``: the purge into anonymous statistics; ``office``, ``admin_pages``: the
  office's use cases and pages; ``bilan_section``: the Bilan's savings tables;
- ``server_parts``: ``Server.offers`` and ``Server.vouchers`` of the mutation port.
"""
