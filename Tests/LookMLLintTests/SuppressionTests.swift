import LookMLLint
import LookMLProject
import Testing

@Suite("Suppression comments")
struct SuppressionTests {
    /// A view without a primary key (LK101) whose dimension group ends in `_date` (LK110).
    static func view(_ name: String, before: String = "", inside: String = "", trailing: String = "") -> String {
        """
        \(before)view: \(name) {\(trailing)
          \(inside)
          dimension_group: created_date {
            type: time
            sql: ${TABLE}.created_at ;;
          }
        }

        """
    }

    static func codes(_ files: [String: String]) -> [String] {
        let project = makeProject(files)
        return summary(lint(project), in: project)
    }

    @Test("without comments, both findings are reported")
    func baseline() {
        #expect(Self.codes(["v.view.lkml": Self.view("orders")]) == ["v.view.lkml:1:7 LK101", "v.view.lkml:3:20 LK110"])
    }

    @Test("disable= at the end of a line covers that line only")
    func trailing() {
        let text = Self.view("orders", trailing: " # lookml-lint: disable=LK101 - legacy table without a key")
        #expect(Self.codes(["v.view.lkml": text]) == ["v.view.lkml:3:20 LK110"])
    }

    @Test("disable= on its own line covers the rest of the enclosing block, and nothing after it")
    func region() {
        let text = Self.view("orders", inside: "# lookml-lint: disable=LK110 - dashboards depend on the name") + Self.view("users")
        #expect(Self.codes(["v.view.lkml": text]) == ["v.view.lkml:1:7 LK101", "v.view.lkml:8:7 LK101", "v.view.lkml:10:20 LK110"])
        // At the top level it covers the rest of the file.
        let top = Self.view("orders") + "# lookml-lint: disable=LK101,LK110\n" + Self.view("users")
        #expect(Self.codes(["v.view.lkml": top]) == ["v.view.lkml:1:7 LK101", "v.view.lkml:3:20 LK110"])
    }

    @Test("disable-next-line covers the next line that is not blank; names and `all` work")
    func nextLine() {
        let text = Self.view("orders", before: "# lookml-lint: disable-next-line=views.primary_key - no key\n\n")
        #expect(Self.codes(["v.view.lkml": text]) == ["v.view.lkml:5:20 LK110"])
        // A comment line is a line: the directive covers it, not the code below.
        let note = Self.view("orders", before: "# lookml-lint: disable-next-line=LK101\n# a note\n")
        #expect(Self.codes(["v.view.lkml": note]) == ["v.view.lkml:1:1 LK902", "v.view.lkml:3:7 LK101", "v.view.lkml:5:20 LK110"])
        let all = Self.view("orders", inside: "# lookml-lint: disable-next-line=all")
        #expect(Self.codes(["v.view.lkml": all]) == ["v.view.lkml:1:7 LK101"])
    }

    @Test("the marker is found in any case, at the very start and at the very end of a file")
    func markerAnywhere() {
        // `#lookml-lint:` with no space: the marker starts one byte in; in capitals; and as the file's last bytes.
        let start = "#LOOKML-LINT: disable-file=LK101\n" + Self.view("orders")
        #expect(Self.codes(["v.view.lkml": start]) == ["v.view.lkml:4:20 LK110"])
        let end = Self.view("orders") + "# Lookml-Lint: disable=LK101"
        #expect(Self.codes(["v.view.lkml": end]) == ["v.view.lkml:1:7 LK101", "v.view.lkml:3:20 LK110", "v.view.lkml:8:1 LK902"])
        // A dash alone, or a marker cut short at the end, is not a directive.
        let cut = Self.view("orders") + "# lookml-lin"
        #expect(Self.codes(["v.view.lkml": cut]) == ["v.view.lkml:1:7 LK101", "v.view.lkml:3:20 LK110"])
    }

    @Test("disable-file covers the file, not others")
    func file() {
        let text = "# lookml-lint: disable-file=LK101, LK110 - generated\n" + Self.view("orders")
        #expect(Self.codes(["a.view.lkml": text, "b.view.lkml": Self.view("users")]) == ["b.view.lkml:1:7 LK101", "b.view.lkml:3:20 LK110"])
    }

    @Test("a # inside SQL is not a suppression")
    func insideSQL() {
        let text = """
        view: orders {
          dimension: id {
            primary_key: yes
            sql: ${TABLE}.id # lookml-lint: disable=LK107
              + ${users.id} ;;
          }
        }
        """
        #expect(Self.codes(["v.view.lkml": text]) == ["v.view.lkml:5:11 LK010", "v.view.lkml:5:11 LK107"])
    }

    @Test("malformed suppressions are reported, with the reason", arguments: [
        ("# lookml-lint disable=LK101", "expected ':' after 'lookml-lint'"),
        ("# lookml-lint: disabel=LK101", "unknown directive 'disabel'; did you mean 'disable'?"),
        ("# lookml-lint: disable LK101", "expected '=' and rule codes after 'disable'"),
        ("# lookml-lint: disable=", "expected rule codes after '='"),
        ("# lookml-lint: disable=LK101,", "empty rule code in the list"),
        ("# lookml-lint: disable=LK1O1", "unknown rule 'LK1O1'; did you mean 'LK101'?"),
        ("# lookml-lint: disable=LK101 -", "expected a reason after '-'"),
        ("# lookml-lint: disable=LK101 LK110", "expected ',' between rule codes in 'LK101 LK110'"),
    ])
    func malformed(comment: String, message: String) {
        let project = makeProject(["v.view.lkml": Self.view("orders", before: comment + "\n")])
        let findings = lint(project).filter { $0.code == "LK901" }
        #expect(findings.map(\.message) == ["malformed suppression: \(message)"])
        #expect(findings.first?.range.lowerBound == 0)
        // The finding it meant to hide is still there.
        #expect(lint(project).contains { $0.code == "LK101" })
    }

    @Test("unused suppressions are reported, except for rules the configuration turns off")
    func unused() {
        let text = Self.view("orders", inside: "dimension: id { primary_key: yes sql: ${TABLE}.id ;; } # lookml-lint: disable=LK101,LK110 - was keyless")
        let project = makeProject(["v.view.lkml": text])
        let findings = lint(project).filter { $0.code == "LK902" }
        #expect(findings.map(\.message) == ["unused suppression: LK101 (views.primary_key), LK110 (dimension_groups.timeframe_suffix) found nothing where this comment applies; remove it"])
        var configuration = LintConfiguration()
        configuration.disabled.insert("LK101")
        #expect(lint(project, configuration: configuration).filter { $0.code == "LK902" }.map(\.message)
                == ["unused suppression: LK110 (dimension_groups.timeframe_suffix) found nothing where this comment applies; remove it"])
        configuration.disabled.insert("LK110")
        #expect(lint(project, configuration: configuration).filter { $0.code == "LK902" }.isEmpty)
    }

    @Test("suppressions in YAML dashboards: own line scopes the indented lines below, trailing scopes its line")
    func yaml() {
        let model = "connection: \"c\"\ninclude: \"/views/*.view.lkml\"\nexplore: orders {}\n"
        let view = "view: orders {\n  dimension: id {\n    primary_key: yes\n    sql: ${TABLE}.id ;;\n  }\n}\n"
        let dashboard = """
        - dashboard: overview
          elements:
          # lookml-lint: disable=LK401 - the field comes back next release
          - name: a
            model: m
            explore: orders
            fields: [orders.gone]
          - name: b
            model: m
            explore: orders
            fields: [orders.missing, "orders.#x"] # lookml-lint: disable=LK401
        - dashboard: other
          elements:
          - name: c
            model: m
            explore: orders
            fields: [orders.lost]
        """
        let project = makeProject(["m.model.lkml": model, "views/orders.view.lkml": view, "d.dashboard.lookml": dashboard])
        #expect(summary(lint(project).filter { $0.file == "d.dashboard.lookml" }, in: project) == ["d.dashboard.lookml:17:21 LK401"])
    }
}
