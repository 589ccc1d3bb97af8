# Top-level pairs: quoted strings, bare words and numbers.
connection: "braze_snowflake"
label: "Braze Engagement"
persist_with: braze_currents_hourly
fiscal_month_offset: 3
# Two pairs may share a line, and the space after the colon is optional.
week_start_day: monday   case_sensitive:no
