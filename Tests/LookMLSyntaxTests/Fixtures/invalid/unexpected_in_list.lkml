explore: sends {
  fields: [sends.id, ;;]
}
