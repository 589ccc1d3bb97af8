explore: clicks {
  always_filter: { filters: [clicks.url: ] }
}
