/// Example files the Braze rules share.
enum BrazeExamples {
    static let model = """
    connection: "warehouse"
    include: "/views/*.view.lkml"

    explore: users {}
    """

    /// A users view with one `braze_id` and one attribute.
    static let users = """
    view: users {
      sql_table_name: braze.users ;;
      dimension: external_id {
        primary_key: yes
        sql: ${TABLE}.external_user_id ;;
        tags: ["braze_id"]
      }
      dimension: first_name {
        sql: ${TABLE}.first_name ;;
        tags: ["braze[first_name]"]
      }
    }
    """

    /// A project of the model and one view.
    static func project(_ view: String) -> RuleExample {
        RuleExample.model(model, ExampleFile("views/users.view.lkml", view))
    }
}
