- dashboard: email_overview
  title: Email overview
  layout: newspaper
  elements:
  - name: sends_by_week
    title: Sends by week
    model: engagement
    explore: email_sends
    type: looker_line
    fields: [email_sends.sent_week, email_sends.sends, email_opens.count]
    sorts: [email_sends.sent_week desc]
    pivots: [email_opens.count]
    filters:
      email_sends.email_address: "-NULL"
    listen:
      Sent date: email_sends.sent_date
    series_colors:
      email_sends.sends: "#1f77b4"
    series_labels:
      email_opens.count: Opens
    y_axes: [{label: Sends, series: [{id: email_sends.sends, axisId: email_sends.sends}]}]
    hidden_fields: [email_opens.count]
    dynamic_fields: '[{"table_calculation": "per_open", "expression": "${email_sends.sends} / ${email_opens.count}"}]'
  filters:
  - name: Sent date
    title: Sent date
    type: field_filter
    default_value: 30 days
    model: engagement
    explore: email_sends
    field: email_sends.sent_date
