# jw_embed(<target> <namespace> <files...>): compiles the files into <target> as
#   const std::vector<std::pair<std::string_view, std::string_view>>& <namespace>::EmbeddedFiles()
# returning {file name, content} sorted by name. Used for migrations and permission tables.
function(jw_embed target ns)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${target}_embedded.cpp)
  # Files may be relative to this folder or absolute (a part folder's files); they are sorted by file name.
  set(keyed)
  foreach(f ${ARGN})
    if(NOT IS_ABSOLUTE ${f})
      set(f ${CMAKE_CURRENT_SOURCE_DIR}/${f})
    endif()
    get_filename_component(name ${f} NAME)
    list(APPEND keyed "${name}|${f}")
  endforeach()
  list(SORT keyed)
  set(abs_files)
  foreach(k ${keyed})
    string(REGEX REPLACE "^[^|]*\\|" "" f "${k}")
    list(APPEND abs_files ${f})
  endforeach()
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNS=${ns} "-DFILES=${abs_files}" -P ${PROJECT_SOURCE_DIR}/cmake/embed.cmake
    DEPENDS ${abs_files} ${PROJECT_SOURCE_DIR}/cmake/embed.cmake
    VERBATIM)
  target_sources(${target} PRIVATE ${out})
endfunction()

# jw_test(<name> <sources...> LIBS <libs...>): a GoogleTest executable registered with CTest.
function(jw_test name)
  cmake_parse_arguments(T "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_LIBS} GTest::gtest_main)
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES ENVIRONMENT "JW_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()
