view: binary {
  label: "café"
}
