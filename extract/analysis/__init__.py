"""From records to analysis: flat tables (``tables``), the corpus citation index
(``citations``) and an article with its mentions marked for reading (``display``)."""
