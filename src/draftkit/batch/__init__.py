"""Batch review (``draftkit check FOLDER … --table``): the 依法治县(市)办's reviewer checks
every unit's submission at once and gets one table, a row a unit. ``units`` finds the
reports and sums one up as a row, ``pool`` checks them on every core, ``table`` and
``tablehtml`` lay the table out as .xlsx, .csv and .html, ``export`` writes it."""
