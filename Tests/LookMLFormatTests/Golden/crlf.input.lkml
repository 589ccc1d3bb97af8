view: crlf {
    dimension: id {type: string}


  # kept
  measure: n {type:count}
}
