import LookMLProject
import LookMLSyntax

/// LK506: attribute tags on fields the action cannot send.
struct BrazeAttributeTypeRule: FileLintRule {
    static let description = RuleDescription(
        code: "LK506", name: "braze.attribute_type",
        summary: "A `braze[…]` attribute tag on a measure, filter or parameter, or on a dimension type Braze cannot store.",
        groups: [.braze], severity: .warning,
        rationale: """
        Braze attributes are strings, booleans, numbers or dates: in LookML, dimensions of `type: string`, `yesno`,
        `number`, `date`/`time` (and `tier`, `zipcode`, sent as strings), and time dimension groups. Locations,
        durations and measures cannot be sent; the action drops them or Braze rejects the value.
        """,
        triggering: [
            BrazeExamples.project("""
            view: users {
              sql_table_name: braze.users ;;
              dimension: external_id {
                primary_key: yes
                sql: ${TABLE}.external_user_id ;;
                tags: ["braze_id"]
              }
              dimension: home {
                type: location
                sql_latitude: ${TABLE}.latitude ;;
                sql_longitude: ${TABLE}.longitude ;;
                tags: [↓"braze[home_location]"]
              }
              measure: purchases {
                type: count
                tags: [↓"braze[purchase_count]"]
              }
            }
            """),
        ],
        nonTriggering: [
            BrazeExamples.project("""
            view: users {
              sql_table_name: braze.users ;;
              dimension: external_id {
                primary_key: yes
                sql: ${TABLE}.external_user_id ;;
                tags: ["braze_id"]
              }
              dimension: is_vip {
                type: yesno
                sql: ${TABLE}.vip ;;
                tags: ["braze[is_vip]"]
              }
              dimension_group: signed_up {
                type: time
                timeframes: [raw, date]
                sql: ${TABLE}.signed_up_at ;;
                tags: ["braze[signed_up_at]"]
              }
            }
            """),
        ])

    func check(_ file: FileSyntax, _ sink: RuleSink) {
        for field in file.taggedFields {
            for tag in field.tags {
                guard case .attribute(let name)? = tag.brazeTag, BrazeTag.problem(withAttribute: name) == nil else { continue }
                let location = field.syntax.location(tag.value.token.textRange)
                if !field.isDimension {
                    sink.report("attribute tag \"\(tag.text)\" is on \(field.kind.rawValue) '\(field.view).\(field.name)'; the action sends dimensions only", at: location)
                } else if !BrazeTag.supportedAttributeTypes.contains(field.effectiveType) {
                    sink.report("attribute tag \"\(tag.text)\" is on '\(field.view).\(field.name)' of type \(field.effectiveType), which Braze attributes cannot hold", at: location)
                }
            }
        }
    }
}
