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

    /// An orders view whose `external_id` is tagged `braze_id` too, for explores that join it to users.
    static let orders = """
    view: orders {
      sql_table_name: shop.orders ;;
      dimension: id {
        primary_key: yes
        sql: ${TABLE}.id ;;
      }
      dimension: external_id {
        sql: ${TABLE}.external_user_id ;;
        tags: ["braze_id"]
      }
    }
    """

    /// The users view and `orders`, with `model` as the model file.
    static func usersAndOrders(model: String) -> RuleExample {
        RuleExample.model(model, ExampleFile("views/users.view.lkml", users), ExampleFile("views/orders.view.lkml", orders))
    }

    /// A project of the model and one view.
    static func project(_ view: String) -> RuleExample {
        RuleExample.model(model, ExampleFile("views/users.view.lkml", view))
    }
}
