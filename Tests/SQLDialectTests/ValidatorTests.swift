import Foundation
import Testing
import LookMLProject
import LookMLSyntax
import SQLCompiler
import SQLDialect

/// Offline findings on LookML written for one dialect, at the exact line and column of the offending text.
@Suite("lookml validate findings")
struct ValidatorTests {
    static let model = """
        connection: "warehouse"
        include: "/*.view.lkml"

        explore: pushes {
          join: push_stats {
            type: cross
            relationship: many_to_one
          }
        }

        """

    /// Written for Snowflake; `↓` marks where Postgres findings point.
    static let snowflakeView = MarkedText("""
        view: pushes {
          sql_table_name: BRAZE.USERS_MESSAGES_PUSHNOTIFICATION_SEND ;;

          dimension: id {
            primary_key: yes
            sql: ${TABLE}.↓"ID" ;;
          }

          dimension: platform {
            sql: ${TABLE}.PLATFORM ;;
          }

          dimension: campaign_label {
            sql: ↓IFF(${TABLE}.CAMPAIGN_ID IS NULL, 'canvas', 'campaign') ;;
          }

          dimension: campaign_key {
            sql: ↓PARSE_JSON(${TABLE}.MESSAGE_EXTRAS)↓:campaign_key::↓STRING ;;
          }

          dimension_group: sent {
            type: time
            datatype: epoch
            timeframes: [raw, date]
            sql: ${TABLE}.TIME ;;
          }

          dimension: days_to_open {
            type: number
            sql: ↓DATEDIFF(day, ${sent_raw}, ${TABLE}.OPENED_AT) ;;
          }

          dimension: seconds_to_open {
            type: number
            sql: ↓TIMEDIFF(second, ${sent_raw}, ${TABLE}.OPENED_AT) ;;
          }

          dimension: bad_parens {
            sql: COALESCE↓((${platform}, 'unknown') ;;
          }

          dimension: bad_quote {
            sql: CONCAT↓(${platform}, ↓'-) ;;
          }

          dimension: typo {
            sql: ${↓platfrom} ;;
          }

          measure: count {
            type: count
          }

          measure: opened {
            type: count
            filters: [sent_date: "-NULL"]
          }

          measure: open_rate {
            type: number
            sql: ${opened} ↓/ NULLIF(${count}, 0) ;;
          }

          measure: user_devices {
            type: number
            sql: ↓COUNT(DISTINCT ${TABLE}.USER_ID, ${TABLE}.DEVICE_ID) ;;
          }

          measure: running_users {
            type: number
            sql: ↓COUNT(DISTINCT ${TABLE}.USER_ID) OVER (PARTITION BY ${platform}) ;;
          }
        }

        view: push_stats {
          derived_table: {
            sql: SELECT COUNT(*) AS n FROM ↓(SELECT 1 AS x) ;;
          }

          dimension: n {
            type: number
            sql: ${TABLE}.n ;;
          }
        }

        """)

    static func findings(_ view: String, _ dialect: DialectProfile) -> [Finding] {
        let project = SQLFixtures.project(["m.model.lkml": model, "pushes.view.lkml": view])
        return SQLValidator(compiler: SQLCompiler(project: project), dialect: dialect).validate()
    }

    static func summary(_ findings: [Finding], _ text: String) -> [String] {
        let source = SourceFile(path: "pushes.view.lkml", text: text)
        return findings.map { "\(source.location(of: $0.range.lowerBound)) \($0.code)" }
    }

    @Test("Snowflake LookML validated as Postgres: every finding at the text that causes it")
    func snowflakeAsPostgres() {
        let view = Self.snowflakeView
        let findings = Self.findings(view.text, .postgres)
        #expect(Self.summary(findings, view.text) == [
            "\(view.markers[0]) S010",
            "\(view.markers[1]) S003",
            "\(view.markers[2]) S003", "\(view.markers[3]) S004", "\(view.markers[4]) S005",
            "\(view.markers[5]) S003",
            "\(view.markers[6]) S003",
            "\(view.markers[7]) S006",
            "\(view.markers[8]) S006", "\(view.markers[9]) S007",
            "\(view.markers[10]) S008",
            "\(view.markers[11]) S009",
            "\(view.markers[12]) S004",
            "\(view.markers[13]) S004",
            "\(view.markers[14]) S004",
        ])
        let iff = findings.first { $0.message.hasPrefix("IFF") }
        #expect(iff?.message == "IFF is a Snowflake function, not Postgres; in Postgres write CASE WHEN condition THEN a ELSE b END (explore 'pushes', field 'pushes.campaign_label')")
        #expect(iff?.severity == .error)
        let typo = findings.first { $0.code == "S008" }
        #expect(typo?.suggestion == "platform")
        #expect(typo?.message == "unknown field 'platfrom' in view 'pushes'; did you mean 'platform'? (explore 'pushes', field 'pushes.typo')")
        #expect(findings.first { $0.code == "S009" }?.severity == .warning)
        #expect(findings.contains { $0.message.contains("derived table 'push_stats'") })
    }

    @Test("the same LookML as Snowflake: only what is broken in any dialect")
    func snowflakeAsSnowflake() {
        let view = Self.snowflakeView
        #expect(Self.summary(Self.findings(view.text, .snowflake), view.text) == [
            "\(view.markers[7]) S006", "\(view.markers[8]) S006", "\(view.markers[9]) S007", "\(view.markers[10]) S008",
        ])
    }

    @Test("Postgres LookML validated as Snowflake")
    func postgresAsSnowflake() {
        let view = MarkedText("""
            view: pushes {
              sql_table_name: public.users_messages_pushnotification_send ;;

              dimension: id {
                primary_key: yes
                sql: ${TABLE}.↓"id" ;;
              }

              dimension: campaign_key {
                sql: (${TABLE}.message_extras::↓json)↓->>'campaign_key' ;;
              }

              measure: platforms {
                type: string
                sql: ↓STRING_AGG(DISTINCT ${TABLE}.platform, ', ') ;;
              }

              measure: first_seen {
                type: min
                sql: ↓NOW() - ${TABLE}.time * INTERVAL '1 second' ;;
              }
            }

            view: push_stats {
              dimension: n {}
            }

            """)
        let findings = Self.findings(view.text, .snowflake)
        #expect(Self.summary(findings, view.text) == [
            "\(view.markers[0]) S010", "\(view.markers[1]) S005", "\(view.markers[2]) S004", "\(view.markers[3]) S003", "\(view.markers[4]) S003",
        ])
        #expect(findings[1].message.contains("in Snowflake write VARIANT: PARSE_JSON(x)"))
        #expect(Self.findings(view.text, .postgres).isEmpty)
    }

    @Test("Liquid branches not taken are not checked; constants and parameters map into the manifest and the parameter")
    func liquidAndConstants() {
        let view = MarkedText("""
            view: pushes {
              sql_table_name: @{SCHEMA}.PUSHES ;;

              parameter: bucket {
                type: unquoted
                default_value: "↓IFF(TRUE, 1, 2)"
              }

              dimension: id {
                primary_key: yes
                sql: {% if _dialect._name == 'snowflake' %}IFF(${TABLE}.A, 1, 2){% else %}CASE WHEN ${TABLE}.A THEN 1 ELSE 2 END{% endif %} ;;
              }

              dimension: bucketed {
                sql: {% parameter bucket %} ;;
              }
            }

            view: push_stats {
              dimension: n {}
            }

            """)
        let manifest = MarkedText("""
            constant: SCHEMA {
              value: "↓PARSE_JSON(x)"
            }

            """)
        let project = SQLFixtures.project(["m.model.lkml": Self.model, "pushes.view.lkml": view.text, "manifest.lkml": manifest.text])
        let findings = SQLValidator(compiler: SQLCompiler(project: project), dialect: .postgres).validate()
        let viewSource = SourceFile(path: "pushes.view.lkml", text: view.text), manifestSource = SourceFile(path: "manifest.lkml", text: manifest.text)
        #expect(findings.map { "\($0.file):\(($0.file == "manifest.lkml" ? manifestSource : viewSource).location(of: $0.range.lowerBound)) \($0.code)" } == [
            "manifest.lkml:\(manifest.markers[0]) S003",
            "pushes.view.lkml:\(view.markers[0]) S003",
        ])
    }
}
