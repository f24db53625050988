#include "io/xml_reader.h"

#include <expat.h>

#include <cstring>

#include "absl/strings/str_cat.h"

namespace collabnet {
namespace {

struct ParseState {
  XML_Parser parser;
  XmlHandler* handler;
  XmlAttributes attributes;
  bool doctype = false;
};

absl::string_view LocalName(const char* name) {
  absl::string_view n(name);
  const std::size_t colon = n.rfind(':');
  return colon == absl::string_view::npos ? n : n.substr(colon + 1);
}

void OnStart(void* data, const char* name, const char** attributes) {
  auto* state = static_cast<ParseState*>(data);
  state->attributes.clear();
  for (int i = 0; attributes[i] != nullptr; i += 2) {
    state->attributes.emplace_back(LocalName(attributes[i]),
                                   absl::string_view(attributes[i + 1]));
  }
  state->handler->StartElement(
      LocalName(name), state->attributes,
      static_cast<std::int64_t>(XML_GetCurrentLineNumber(state->parser)));
}

void OnEnd(void* data, const char* name) {
  auto* state = static_cast<ParseState*>(data);
  state->handler->EndElement(
      LocalName(name),
      static_cast<std::int64_t>(XML_GetCurrentLineNumber(state->parser)));
}

void OnText(void* data, const char* text, int length) {
  auto* state = static_cast<ParseState*>(data);
  state->handler->Text(
      absl::string_view(text, static_cast<std::size_t>(length)));
}

void OnDoctype(void* data, const char* /*name*/, const char* /*sysid*/,
               const char* /*pubid*/, int /*has_internal_subset*/) {
  auto* state = static_cast<ParseState*>(data);
  state->doctype = true;
  XML_StopParser(state->parser, XML_FALSE);
}

}  // namespace

absl::string_view XmlAttribute(const XmlAttributes& attributes,
                               absl::string_view name) {
  for (const auto& [key, value] : attributes) {
    if (key == name) return value;
  }
  return "";
}

absl::Status ParseXml(std::istream& in, const std::string& file_name,
                      XmlHandler& handler) {
  // The namespace separator makes expat resolve prefixes; names then arrive
  // as "uri:local", and LocalName keeps the local part.
  XML_Parser parser = XML_ParserCreateNS(nullptr, ':');
  if (parser == nullptr)
    return absl::ResourceExhaustedError("expat: no memory");
  ParseState state{parser, &handler, {}, false};
  XML_SetUserData(parser, &state);
  XML_SetElementHandler(parser, OnStart, OnEnd);
  XML_SetCharacterDataHandler(parser, OnText);
  XML_SetStartDoctypeDeclHandler(parser, OnDoctype);
  absl::Status status;
  constexpr std::size_t kChunk = 1 << 16;
  bool done = false;
  while (!done) {
    void* buffer = XML_GetBuffer(parser, kChunk);
    if (buffer == nullptr) {
      status = absl::ResourceExhaustedError("expat: no memory");
      break;
    }
    in.read(static_cast<char*>(buffer), kChunk);
    const std::streamsize got = in.gcount();
    done = got < static_cast<std::streamsize>(kChunk);
    if (in.bad()) {
      status = absl::DataLossError(absl::StrCat(file_name, ": read error"));
      break;
    }
    if (XML_ParseBuffer(parser, static_cast<int>(got), done ? 1 : 0) ==
        XML_STATUS_ERROR) {
      const std::int64_t line =
          static_cast<std::int64_t>(XML_GetCurrentLineNumber(parser));
      if (state.doctype) {
        status = absl::InvalidArgumentError(
            absl::StrCat(file_name, ":", line,
                         ": a document type declaration is not accepted"));
      } else {
        status = absl::InvalidArgumentError(
            absl::StrCat(file_name, ":", line, ": not well-formed XML: ",
                         XML_ErrorString(XML_GetErrorCode(parser))));
      }
      break;
    }
  }
  XML_ParserFree(parser);
  return status;
}

bool XmlCanHold(absl::string_view text) {
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && u != '\t' && u != '\n' && u != '\r') return false;
  }
  return true;
}

std::string XmlEscape(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\t':
        out += "&#9;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace collabnet
