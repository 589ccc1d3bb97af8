# Quoted strings keep their backslash escapes exactly as written.
view: email_click {
  dimension: url {
    label: "Clicked \"URL\""
    description: "The link the recipient clicked; a backslash looks like \\ here."
    type: string
    sql: ${TABLE}.URL ;;
  }

  dimension: link_alias {
    label: ""
    description: "Ends with an escaped backslash \\"
    group_label: "Single 'quotes' need no escape"
    sql: ${TABLE}.LINK_ALIAS ;;
  }

  dimension: export_path {
    description: "Windows share: \\\\reports\\braze\\clicks, then a newline escape \n and a tab \t"
    sql: ${TABLE}.URL ;;
  }

  measure: clicks {
    type: count
    value_format: "#,##0"
    description: "Not a comment: # hash, {braces}, [brackets], a: colon, ;; semicolons"
  }
}
