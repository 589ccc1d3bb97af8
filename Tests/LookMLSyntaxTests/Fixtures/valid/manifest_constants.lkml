# manifest.lkml: project name, constants (repeated, so they collect into `constants`) and dependencies.
project_name: "braze_currents"

constant: BRAZE_SCHEMA {
  value: "BRAZE_SHARE.DATALAKE_SHARING"
  export: override_optional
}

constant: REPORTING_DATE {
  value: "2024-01-01"
  export: override_required
}

constant: BRAZE_DASHBOARD_URL {
  value: "https://dashboard-01.braze.com"
}

constant: EMAIL_SEND_TABLE {
  value: "@{BRAZE_SCHEMA}.USERS_MESSAGES_EMAIL_SEND_SHARED"
  export: none
}

local_dependency: {
  project: "braze_shared_definitions"
  override_constant: BRAZE_SCHEMA {
    value: "ANALYTICS.BRAZE"
  }
}

remote_dependency: retention_block {
  url: "https://example.com/lookml/retention_block.git"
  ref: "main"
}
