# One library per folder. DEPS lists what the folder may use, so the link graph
# enforces the one-way arrows of the architecture (sim never links ingest).
function(collabnet_add_library)
  cmake_parse_arguments(ARG "" "NAME" "SRCS;DEPS" ${ARGN})
  add_library(collabnet_${ARG_NAME} STATIC ${ARG_SRCS})
  add_library(collabnet::${ARG_NAME} ALIAS collabnet_${ARG_NAME})
  target_include_directories(collabnet_${ARG_NAME} PUBLIC ${PROJECT_SOURCE_DIR}
                             ${PROJECT_BINARY_DIR})
  target_link_libraries(collabnet_${ARG_NAME} PUBLIC ${ARG_DEPS})
endfunction()

# A GoogleTest program whose tests CTest discovers one by one.
function(collabnet_add_test)
  cmake_parse_arguments(ARG "" "NAME" "SRCS;DEPS;LABELS" ${ARGN})
  add_executable(${ARG_NAME} ${ARG_SRCS})
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock
                        GTest::gtest_main)
  gtest_discover_tests(${ARG_NAME} DISCOVERY_TIMEOUT 60
                       PROPERTIES LABELS "${ARG_LABELS}")
endfunction()
