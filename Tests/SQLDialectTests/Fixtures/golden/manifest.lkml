project_name: "golden"

constant: CURRENTS {
  value: "CURRENTS_DB.BRAZE"
  export: override_optional
}
