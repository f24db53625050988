// A streaming XML reader over expat for the network formats that are XML
// (GraphML, GEXF): elements arrive as events with their line, so memory stays
// flat whatever the file's size, and every error can name its line.
#ifndef COLLABNET_IO_XML_READER_H_
#define COLLABNET_IO_XML_READER_H_

#include <cstdint>
#include <istream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace collabnet {

// An element's attributes, in document order.
using XmlAttributes =
    std::vector<std::pair<absl::string_view, absl::string_view>>;

// The value of attribute `name`, or "" if absent.
absl::string_view XmlAttribute(const XmlAttributes& attributes,
                               absl::string_view name);

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // `name` is the local name: a namespace prefix is removed.
  virtual void StartElement(absl::string_view name,
                            const XmlAttributes& attributes,
                            std::int64_t line) = 0;
  virtual void EndElement(absl::string_view name, std::int64_t line) = 0;
  // Character data inside the current element; may come in pieces.
  virtual void Text(absl::string_view text) = 0;
};

// Parses `in`, calling `handler`. A document that is not well-formed XML is
// InvalidArgument naming `file_name`, the line and expat's reason. Document
// type declarations are refused, so no entity can expand or be fetched.
absl::Status ParseXml(std::istream& in, const std::string& file_name,
                      XmlHandler& handler);

// Whether XML 1.0 can hold `text`: no control characters but tab, line feed
// and carriage return.
bool XmlCanHold(absl::string_view text);

// Escapes text for an XML attribute value or element content.
std::string XmlEscape(absl::string_view text);

}  // namespace collabnet

#endif  // COLLABNET_IO_XML_READER_H_
