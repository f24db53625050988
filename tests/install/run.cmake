# Installs the build tree BUILD_DIR into WORK_DIR/prefix, then configures,
# builds and runs the project in SOURCE_DIR against it, as another team's
# project would use collabnet: find_package(collabnet) and collabnet::sim.
# Run as: cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DWORK_DIR=...
#   -DGENERATOR=... -DBUILD_TYPE=... -P run.cmake
file(REMOVE_RECURSE ${WORK_DIR})
function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  set(output "${out}" PARENT_SCOPE)
endfunction()
run("cmake --install" ${CMAKE_COMMAND} --install ${BUILD_DIR}
    --prefix ${WORK_DIR}/prefix)
foreach(header proto/scenario.pb.h sim/runner.h graph/district_graph.h)
  if(NOT EXISTS ${WORK_DIR}/prefix/include/collabnet/${header})
    message(FATAL_ERROR "the installed tree lacks include/collabnet/${header}")
  endif()
endforeach()
run("configuring the consumer" ${CMAKE_COMMAND} -S ${SOURCE_DIR}
    -B ${WORK_DIR}/build -G ${GENERATOR} -DCMAKE_BUILD_TYPE=${BUILD_TYPE}
    -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix)
run("building the consumer" ${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run("running the consumer" ${WORK_DIR}/build/consumer)
if(NOT output STREQUAL "reached 2 of 2\n")
  message(FATAL_ERROR "the consumer printed '${output}', not 'reached 2 of 2'")
endif()
message(STATUS "the installed package built and ran a consumer")
