# Data actions: `action` blocks with `param`, `form_param`, `option` and `user_attribute_param`.
view: braze_user {
  dimension: external_user_id {
    type: string
    sql: ${TABLE}.EXTERNAL_USER_ID ;;

    action: {
      label: "Add to Braze segment"
      url: "https://hooks.example.com/braze/segment"
      icon_url: "https://www.braze.com/favicon.ico"
      param: { name: "external_id" value: "{{ value }}" }
      param: {
        name: "source"
        value: "looker"
      }
      user_attribute_param: {
        user_attribute: braze_api_key
        name: "api_key"
      }
      form_param: {
        name: "segment"
        type: select
        label: "Segment"
        required: yes
        option: { name: "winback" label: "Win-back" }
        option: { name: "vip" label: "VIP" }
      }
      form_param: {
        name: "note"
        type: textarea
        default: "Added from Looker on {{ 'now' | date: '%Y-%m-%d' }}"
      }
    }
  }
}
