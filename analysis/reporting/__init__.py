"""Reports: page building blocks (tables, headlines, facts), plots and their palette, the front
page, rendering to HTML and checking it, exports, and the run-time identities between pages."""
