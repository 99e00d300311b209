"""Running the pipeline over many inputs: ordered parallel runs (``batch``), ``--resume``,
the per-document time limit (``deadline``), ``--dedup`` exact and near (``dedup``,
``near``), ``--site-templates``' first pass (``sites``), the Dask engine (``dask``) and the
speed benchmark (``bench``)."""
