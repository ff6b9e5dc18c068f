"""One screen per module; the registry (:mod:`kiosk.ui.registry`) names them."""
