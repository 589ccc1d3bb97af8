# Non-ASCII text: é, ü, 日本語, emoji 📬 — in comments, strings and expression bodies.
view: email_send_localized { # Envoi d'e-mails — café ☕
  label: "Envois d'e-mails (é, ü, ß)"
  description: "メール送信 — 日本のチーム向け 📧"

  dimension: language {
    label: "Langue / 言語"
    sql: CASE ${TABLE}.LANGUAGE WHEN 'ja' THEN '日本語' WHEN 'fr' THEN 'Français' ELSE '🌐 other' END ;;
    html: <span title="Sprache">{{ rendered_value }} 🏳️</span> ;;
  }

  measure: count {
    type: count
    # Zählung aller Sendungen 🚀
    label: "Nombre d’envois"
    filters: [language: "日本語,Français"]
  }
}
