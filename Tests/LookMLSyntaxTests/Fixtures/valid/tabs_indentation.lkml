# Tabs indent this file and separate some keys from their values.
view: content_card_dismiss {
	sql_table_name: BRAZE.USERS_MESSAGES_CONTENTCARD_DISMISS_SHARED ;;

	dimension: content_card_id {
		type:	string
		sql:	${TABLE}.CONTENT_CARD_ID ;;
	}

	measure: dismissals {
		type: count
		drill_fields: [	content_card_id,	device_id	]
	}
	# a tab-indented comment
	dimension: device_id {	sql: ${TABLE}.DEVICE_ID	;;	}
}
