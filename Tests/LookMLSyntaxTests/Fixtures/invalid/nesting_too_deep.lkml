view: deep {
  link: {
    link: {
      link: {
        link: {
          link: {
            link: {
              link: {
                link: {
                  link: {
                    link: {
                      link: {
                        link: {
                          link: {
                            link: {
                              link: {
                                link: {
                                  link: {
                                    link: {
                                      link: {
                                        link: {
                                          link: {
                                            link: {
                                              link: {
                                                link: {
                                                  link: {
                                                    link: {
                                                      link: {
                                                        link: {
                                                          link: {
                                                            link: {
                                                              link: {
                                                                link: {
                                                                  link: {
                                                                    link: {
                                                                      link: {
                                                                        link: {
                                                                          link: {
                                                                            link: {
                                                                              link: {
                                                                                link: {
                                                                                  link: {
                                                                                    link: {
                                                                                      link: {
                                                                                        link: {
                                                                                          link: {
                                                                                            link: {
                                                                                              link: {
                                                                                                link: {
                                                                                                  link: {
                                                                                                    link: {
                                                                                                      link: {
                                                                                                        link: {
                                                                                                          link: {
                                                                                                            link: {
                                                                                                              link: {
                                                                                                                link: {
                                                                                                                  link: {
                                                                                                                    link: {
                                                                                                                      link: {
                                                                                                                        link: {
                                                                                                                          link: {
                                                                                                                            link: {
                                                                                                                              link: {
                                                                                                                                link: {
                                                                                                                                  link: {
                                                                                                                                    link: {
                                                                                                                                      link: {
                                                                                                                                        link: {
                                                                                                                                          link: {
                                                                                                                                            link: {
                                                                                                                                            }
                                                                                                                                          }
                                                                                                                                        }
                                                                                                                                      }
                                                                                                                                    }
                                                                                                                                  }
                                                                                                                                }
                                                                                                                              }
                                                                                                                            }
                                                                                                                          }
                                                                                                                        }
                                                                                                                      }
                                                                                                                    }
                                                                                                                  }
                                                                                                                }
                                                                                                              }
                                                                                                            }
                                                                                                          }
                                                                                                        }
                                                                                                      }
                                                                                                    }
                                                                                                  }
                                                                                                }
                                                                                              }
                                                                                            }
                                                                                          }
                                                                                        }
                                                                                      }
                                                                                    }
                                                                                  }
                                                                                }
                                                                              }
                                                                            }
                                                                          }
                                                                        }
                                                                      }
                                                                    }
                                                                  }
                                                                }
                                                              }
                                                            }
                                                          }
                                                        }
                                                      }
                                                    }
                                                  }
                                                }
                                              }
                                            }
                                          }
                                        }
                                      }
                                    }
                                  }
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
