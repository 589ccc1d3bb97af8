# Field lists with wildcards (view.*, set_name*, ALL_FIELDS*) and negations (-view.field).
explore: news_feed_card_impression {
  fields: [
    ALL_FIELDS*,
    -news_feed_card_impression.device_id,
    -news_feed_card_impression.device_detail*
  ]

  join: news_feed_card_click {
    sql_on: ${news_feed_card_impression.card_api_id} = ${news_feed_card_click.card_api_id} ;;
    relationship: one_to_many
    fields: [news_feed_card_click.*]
  }
}

view: news_feed_card_impression {
  set: device_detail {
    fields: [device_id, platform, os_version, device_model]
  }

  set: card_detail {
    fields: [card_api_id, device_detail*, news_feed_card_click.count]
  }
}
