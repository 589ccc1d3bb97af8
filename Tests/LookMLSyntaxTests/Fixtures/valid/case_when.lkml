# `case:` with repeated `when:` blocks (collected into `whens`) and an `else:`.
view: email_open_device {
  dimension: mail_client {
    case: {
      when: {
        sql: ${TABLE}.USER_AGENT ILIKE '%iphone%' OR ${TABLE}.USER_AGENT ILIKE '%ipad%' ;;
        label: "Apple Mail (iOS)"
      }
      when: {
        sql: ${TABLE}.USER_AGENT ILIKE '%gmail%' ;;
        label: "Gmail"
      }
      when: {
        sql: ${TABLE}.MACHINE_OPEN = 'true' ;;
        label: "Machine open"
      }
      else: "Other"
    }
    alpha_sort: yes
  }
}
