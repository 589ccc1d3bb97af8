import Testing
import LookMLProject
import LookMLTestSupport
import SQLCompiler
import SQLDialect

/// Random LookML, valid and broken: every explore compiles and validates without crashing, and every verbatim
/// piece of the SQL is the LookML byte for byte where the source map says it was written.
@Suite("Compiler properties")
struct CompilerPropertyTests {
    static func project(seed: UInt64, broken: Bool) -> (Project, [String: [UInt8]]) {
        var random = RandomLookML(seed: seed)
        var model = "include: \"*.view.lkml\"\n" + random.document()
        var view = random.document()
        // Explores over the random views, so that there is always something to compile.
        model += "\nexplore: users {\n  join: email_sends {\n    sql_on: ${users.id} = ${email_sends.id} ;;\n  }\n}\n"
        view += "\nview: users {\n  dimension: id {\n    sql: ${TABLE}.id ;;\n  }\n  measure: count {\n    type: count\n  }\n}\n"
        var files: [String: [UInt8]] = ["m.model.lkml": Array(model.utf8), "a.view.lkml": Array(view.utf8)]
        if broken {
            files["m.model.lkml"] = random.mutated(model)
            files["a.view.lkml"] = random.mutated(view)
        }
        return (Project(files: files.map { ProjectFile(path: $0.key, bytes: $0.value) }), files)
    }

    @Test("random projects compile and validate; verbatim SQL maps back to its bytes", arguments: [false, true])
    func randomProjects(broken: Bool) {
        var compiled = 0
        for seed in UInt64(1)...120 {
            let (project, files) = Self.project(seed: seed, broken: broken)
            let compiler = SQLCompiler(project: project)
            for (model, explore) in compiler.explores() {
                for dialect in DialectProfile.all {
                    guard let query = try? compiler.compile(model: model, explore: explore, dialect: dialect) else { continue }
                    compiled += 1
                    let sql = Array(query.sql.utf8)
                    for segment in query.sourceMap.segments where segment.isVerbatim {
                        guard let origin = segment.origin, let bytes = files[origin.file] else {
                            Issue.record("seed \(seed): a verbatim segment without an origin")
                            continue
                        }
                        #expect(Array(sql[segment.output]) == Array(bytes[origin.range]), "seed \(seed), \(explore), \(dialect.name)")
                    }
                    _ = SQLValidator(compiler: compiler, dialect: dialect).findings(in: query)
                }
            }
        }
        #expect(compiled >= (broken ? 60 : 240), "only \(compiled) queries compiled")
    }
}
