project_name: "braze_engagement"

constant: CURRENTS_SCHEMA {
  value: "BRAZE.CURRENTS"
  export: override_optional
}
