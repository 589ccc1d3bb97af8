# Other repeatable model-level objects: named_value_format and map_layer, plus a connection and an include.
connection: "braze_snowflake"

named_value_format: compact_count {
  value_format: "[>=1000000]0.0,,\"M\";[>=1000]0.0,\"K\";0"
}

named_value_format: rate_percent {
  value_format: "0.0%"
  strict_value_format: yes
}

map_layer: braze_markets {
  file: "/maps/braze_markets.topojson"
  property_key: "market_code"
  label: "Braze markets"
}

include: "/views/**/*.view.lkml"
