# Writes a C++ source defining `absl::string_view NAME()` for each input file,
# holding the file's bytes. Run as: cmake -DOUT=... -DINPUTS="name=path;..."
# -P embed.cmake
set(body "// Generated from the files under data/; do not edit.\n")
string(APPEND body "#include \"absl/strings/string_view.h\"\n\n")
string(APPEND body "namespace collabnet::embedded {\n")
foreach(pair IN LISTS INPUTS)
  string(REPLACE "=" ";" parts "${pair}")
  list(GET parts 0 name)
  list(GET parts 1 path)
  file(READ "${path}" hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR size "${hex_length} / 2")
  # Bytes as a char array, so no literal length limit or escaping applies.
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  string(REGEX REPLACE "(('\\\\x[0-9a-f][0-9a-f]',){24})" "\\1\n" bytes
         "${bytes}")
  string(APPEND body "namespace {\nconstexpr char k_${name}[] = {\n${bytes}\n0};\n}  // namespace\n")
  string(APPEND body "absl::string_view ${name}() {\n  return {k_${name}, ${size}};\n}\n\n")
endforeach()
string(APPEND body "}  // namespace collabnet::embedded\n")
file(WRITE "${OUT}.tmp" "${body}")
file(RENAME "${OUT}.tmp" "${OUT}")
