# Comment on the first line of the file.
#No space after the hash is fine too.

# A blank line before this one.
view: email_soft_bounce { # after an opening brace
  # before the first pair
  sql_table_name: BRAZE.USERS_MESSAGES_EMAIL_SOFTBOUNCE_SHARED ;; # after an expression block

  dimension: bounce_reason { # after a named block's brace
    type: string # at the end of a pair
    sql: ${TABLE}.BOUNCE_REASON ;;
    # just before a closing brace
  } # after a closing brace

  measure: count {
    type: count
    drill_fields: [ # after an opening bracket
      # on its own line inside a list
      bounce_reason, # after a list item
      email_address # after the last item
      # before the closing bracket
    ] # after a closing bracket
    filters: [bounce_reason: "-NULL"] # after a pair list
  }

  set: empty_for_now {
    fields: [ # nothing here yet
    ]
  }
  ### Several hashes in a row.
}
# The last line is a comment with no newline after it.