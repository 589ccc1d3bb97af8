# Syntax-only fixture: blocks nested eight levels deep, named and anonymous in turn.
# The keys are made up; only the shape matters here.
level_one: outer {
  level_two: {
    level_three: middle {
      level_four: {
        marker: four
        level_five: inner {
          level_six: {
            level_seven: innermost {
              level_eight: {
                depth: 8
                path: [outer, middle, inner, innermost]
                link: { label: "first" }
                link: { label: "second" }
                filters: [depth: "8"]
              }
            }
          }
        }
      }
    }
  }
}
