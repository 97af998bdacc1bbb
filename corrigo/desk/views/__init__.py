"""The editors' desk: thin views over the cases, sites and notifications selectors and services."""
