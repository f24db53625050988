# How a folder becomes a target. One library per folder, named after it;
# DEPS lists the libraries it may use. Every target sees the whole source
# root (includes are written "graph/district_graph.h"), so the link graph
# alone cannot keep the arrows of the architecture one way: the
# include_arrows test (scripts/check_includes.py over the manifest written
# by collabnet_write_include_manifest) fails when a file includes a header
# of a project folder that its target does not list in DEPS.
include(GNUInstallDirs)

set(COLLABNET_INCLUDE_MANIFEST ${PROJECT_BINARY_DIR}/include_manifest.tsv)

# Records a target for the include check: its folder, the libraries it
# lists and the files that are its own.
function(_collabnet_register name folder deps files)
  set_property(GLOBAL APPEND PROPERTY COLLABNET_UNITS ${name})
  set_property(GLOBAL PROPERTY COLLABNET_FOLDER_${name} ${folder})
  set_property(GLOBAL PROPERTY COLLABNET_DEPS_${name} "${deps}")
  set_property(GLOBAL PROPERTY COLLABNET_FILES_${name} "${files}")
endfunction()

function(_collabnet_folder out)
  file(RELATIVE_PATH folder ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR})
  set(${out} ${folder} PARENT_SCOPE)
endfunction()

function(_collabnet_own_files out folder srcs)
  set(files)
  foreach(src IN LISTS srcs)
    if(NOT IS_ABSOLUTE ${src})
      list(APPEND files ${folder}/${src})
    endif()
  endforeach()
  set(${out} "${files}" PARENT_SCOPE)
endfunction()

# collabnet_add_library(NAME n SRCS ... DEPS ... [NO_INSTALL])
# The library collabnet::n of the current folder; installed with its
# headers unless NO_INSTALL.
function(collabnet_add_library)
  cmake_parse_arguments(ARG "NO_INSTALL" "NAME" "SRCS;DEPS" ${ARGN})
  add_library(collabnet_${ARG_NAME} STATIC ${ARG_SRCS})
  add_library(collabnet::${ARG_NAME} ALIAS collabnet_${ARG_NAME})
  set_target_properties(collabnet_${ARG_NAME} PROPERTIES EXPORT_NAME
                                                         ${ARG_NAME})
  target_include_directories(
    collabnet_${ARG_NAME}
    PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}>
           $<BUILD_INTERFACE:${PROJECT_BINARY_DIR}>
           $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}/collabnet>)
  target_link_libraries(collabnet_${ARG_NAME} PUBLIC ${ARG_DEPS})
  _collabnet_folder(folder)
  file(GLOB headers CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.h)
  set(files)
  foreach(h IN LISTS headers)
    file(RELATIVE_PATH rel ${PROJECT_SOURCE_DIR} ${h})
    list(APPEND files ${rel})
  endforeach()
  _collabnet_own_files(sources ${folder} "${ARG_SRCS}")
  list(APPEND files ${sources})
  _collabnet_register(collabnet_${ARG_NAME} ${folder} "${ARG_DEPS}" "${files}")
  if(NOT ARG_NO_INSTALL)
    install(TARGETS collabnet_${ARG_NAME} EXPORT collabnetTargets
            ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
    install(FILES ${headers}
            DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/collabnet/${folder})
  endif()
endfunction()

# collabnet_add_program(NAME n SRCS ... DEPS ...): an executable of the
# current folder, checked like a library.
function(collabnet_add_program)
  cmake_parse_arguments(ARG "" "NAME" "SRCS;DEPS" ${ARGN})
  add_executable(${ARG_NAME} ${ARG_SRCS})
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_DEPS})
  _collabnet_folder(folder)
  _collabnet_own_files(files ${folder} "${ARG_SRCS}")
  _collabnet_register(${ARG_NAME} ${folder} "${ARG_DEPS}" "${files}")
endfunction()

# A GoogleTest program whose tests CTest discovers one by one.
function(collabnet_add_test)
  cmake_parse_arguments(ARG "" "NAME" "SRCS;DEPS;LABELS" ${ARGN})
  add_executable(${ARG_NAME} ${ARG_SRCS})
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock
                        GTest::gtest_main)
  gtest_discover_tests(${ARG_NAME} DISCOVERY_TIMEOUT 60
                       PROPERTIES LABELS "${ARG_LABELS}")
  _collabnet_folder(folder)
  _collabnet_own_files(files ${folder} "${ARG_SRCS}")
  _collabnet_register(${ARG_NAME} ${folder} "${ARG_DEPS}" "${files}")
endfunction()

# Registers a target made without the functions above (the generated
# protobuf library, the header-only random streams).
function(collabnet_register_target name)
  cmake_parse_arguments(ARG "" "" "DEPS;FILES" ${ARGN})
  _collabnet_folder(folder)
  _collabnet_register(${name} ${folder} "${ARG_DEPS}" "${ARG_FILES}")
endfunction()

# Writes one line per registered target: name, folder, the folders it may
# include from (its own and its DEPS' among the project's), and its files.
function(collabnet_write_include_manifest)
  get_property(units GLOBAL PROPERTY COLLABNET_UNITS)
  set(lines "")
  foreach(unit IN LISTS units)
    get_property(folder GLOBAL PROPERTY COLLABNET_FOLDER_${unit})
    get_property(deps GLOBAL PROPERTY COLLABNET_DEPS_${unit})
    get_property(files GLOBAL PROPERTY COLLABNET_FILES_${unit})
    set(allowed ${folder})
    foreach(dep IN LISTS deps)
      string(REPLACE "collabnet::" "collabnet_" dep_target "${dep}")
      get_property(dep_folder GLOBAL PROPERTY COLLABNET_FOLDER_${dep_target})
      if(dep_folder)
        list(APPEND allowed ${dep_folder})
      endif()
    endforeach()
    list(JOIN allowed "," allowed_text)
    list(JOIN files "," files_text)
    string(APPEND lines "${unit}\t${folder}\t${allowed_text}\t${files_text}\n")
  endforeach()
  file(WRITE ${COLLABNET_INCLUDE_MANIFEST} "${lines}")
endfunction()
