# `filter:` fields collect into `filters`; `filters:` (measure filters) collect into `filters__all`.
view: email_spam_report {
  filter: reported_domain {
    type: string
    suggest_dimension: email_domain
  }

  filter: reported_window {
    type: date
  }

  dimension: email_domain {
    sql: SPLIT_PART(${TABLE}.EMAIL_ADDRESS, '@', 2) ;;
  }

  measure: reports_in_domain {
    type: sum
    sql: CASE WHEN {% condition reported_domain %} ${email_domain} {% endcondition %} THEN 1 ELSE 0 END ;;
    filters: [email_domain: "-%example.com"]
  }

  measure: reports_old_style {
    type: count
    filters: {
      field: email_domain
      value: "gmail.com"
    }
    filters: {
      field: email_domain
      value: "-NULL"
    }
  }
}
