#include "formats/graphml.h"

#include <algorithm>
#include <iterator>
#include <set>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "formats/network_attributes.h"
#include "io/csv_table.h"
#include "io/xml_reader.h"
#include "text/number_text.h"

namespace collabnet {
namespace {

struct Key {
  std::string name;    // lower-cased attr.name
  std::string domain;  // node, edge, graph, all
  std::optional<std::string> default_value;
};

class GraphmlHandler : public XmlHandler {
 public:
  GraphmlHandler(const NetworkReadOptions& options, District& district,
                 FileErrors& errors)
      : options_(options),
        district_(district),
        builder_(district),
        errors_(errors) {}
  NetworkBuilder& builder() { return builder_; }

  void StartElement(absl::string_view name, const XmlAttributes& attributes,
                    std::int64_t line) override {
    text_.clear();
    if (!rooted_) {
      rooted_ = true;
      if (name != "graphml") {
        errors_.AddLine(
            line, absl::StrCat("the document is <", name, ">, not <graphml>"));
      }
    }
    if (name == "key") {
      const absl::string_view type = XmlAttribute(attributes, "attr.type");
      static constexpr absl::string_view kTypes[] = {
          "", "boolean", "int", "long", "float", "double", "string"};
      if (std::find(std::begin(kTypes), std::end(kTypes), type) ==
          std::end(kTypes)) {
        errors_.Add(line, "attr.type",
                    absl::StrCat("found ", Quoted(type),
                                 "; expected boolean, int, long, float, "
                                 "double or string"));
      }
      Key key;
      key.name = absl::AsciiStrToLower(XmlAttribute(attributes, "attr.name"));
      if (key.name.empty()) {
        key.name = absl::AsciiStrToLower(XmlAttribute(attributes, "id"));
      }
      key.domain = std::string(XmlAttribute(attributes, "for"));
      current_key_ = std::string(XmlAttribute(attributes, "id"));
      keys_[current_key_] = std::move(key);
    } else if (name == "graph") {
      ++graph_depth_;
      if (graph_depth_ > 1 || in_node_) {
        errors_.AddLine(line, "nested graphs are not supported");
        return;
      }
      if (graphs_++ > 0) {
        errors_.AddLine(line, "a second <graph>; one network per file is read");
        return;
      }
      const absl::string_view edgedefault =
          XmlAttribute(attributes, "edgedefault");
      if (edgedefault == "directed") {
        directed_default_ = true;
      } else if (edgedefault == "undirected" || edgedefault.empty()) {
        directed_default_ = false;
      } else {
        errors_.Add(line, "edgedefault",
                    absl::StrCat("found ", Quoted(edgedefault),
                                 "; expected directed or undirected"));
      }
      builder_name_ = std::string(XmlAttribute(attributes, "id"));
    } else if (name == "node" && graph_depth_ == 1) {
      const absl::string_view id = XmlAttribute(attributes, "id");
      if (id.empty()) {
        errors_.Add(line, "id", "is empty; expected a node id");
        return;
      }
      in_node_ = true;
      node_ = builder_.Node(id);
      if (!parts_.declared.insert(std::string(id)).second) {
        errors_.Add(line, "id",
                    absl::StrCat("node ", Quoted(id), " is declared twice"));
      }
      data_.clear();
      element_line_ = line;
    } else if (name == "edge" && graph_depth_ == 1) {
      in_edge_ = true;
      data_.clear();
      element_line_ = line;
      edge_source_ = std::string(XmlAttribute(attributes, "source"));
      edge_target_ = std::string(XmlAttribute(attributes, "target"));
      const absl::string_view directed = XmlAttribute(attributes, "directed");
      edge_directed_ = directed_default_;
      if (!directed.empty()) {
        const std::optional<bool> d = ParseBoolText(directed);
        if (!d) {
          errors_.Add(line, "directed",
                      absl::StrCat("found ", Quoted(directed),
                                   "; expected true or false"));
        }
        edge_directed_ = d.value_or(directed_default_);
      }
      for (const char* end : {"source", "target"}) {
        if (XmlAttribute(attributes, end).empty()) {
          errors_.Add(line, end, "is empty; expected a node id");
        }
      }
    } else if (name == "hyperedge") {
      errors_.AddLine(line, "hyperedges are not supported");
    } else if (name == "data") {
      data_key_ = std::string(XmlAttribute(attributes, "key"));
      data_line_ = line;
    }
  }

  void EndElement(absl::string_view name, std::int64_t line) override {
    if (name == "default" && !current_key_.empty()) {
      keys_[current_key_].default_value = text_;
    } else if (name == "key") {
      current_key_.clear();
    } else if (name == "graph") {
      --graph_depth_;
    } else if (name == "data") {
      if (in_node_ || in_edge_) {
        auto it = keys_.find(data_key_);
        if (it == keys_.end()) {
          errors_.Add(data_line_, "key",
                      absl::StrCat("data names key ", Quoted(data_key_),
                                   ", which is not declared"));
        } else {
          data_.emplace_back(it->second.name, text_);
        }
      }
    } else if (name == "node" && in_node_) {
      in_node_ = false;
      AddDefaults("node");
      ApplyNodeAttributes(data_, options_, element_line_, node_, builder_,
                          errors_, parts_.unused_node);
    } else if (name == "edge" && in_edge_) {
      in_edge_ = false;
      AddDefaults("edge");
      PendingEdge e;
      e.source = edge_source_;
      e.target = edge_target_;
      e.directed = edge_directed_;
      e.line = element_line_;
      e.data = std::move(data_);
      parts_.edges.push_back(std::move(e));
      data_.clear();
    }
    (void)line;
    text_.clear();
  }

  void Text(absl::string_view text) override {
    text_.append(text.data(), text.size());
  }

  void Finish(NetworkReadReport& report) {
    if (rooted_ && graphs_ == 0) {
      errors_.AddLine(1, "the document has no <graph>");
    }
    FinishXmlNetwork(parts_, options_, builder_, errors_, report);
    district_.set_name(builder_name_);
  }

 private:
  void AddDefaults(absl::string_view domain) {
    for (const auto& [id, key] : keys_) {
      if (!key.default_value || (key.domain != domain && key.domain != "all")) {
        continue;
      }
      bool given = false;
      for (const auto& [name, value] : data_) given |= (name == key.name);
      if (!given) data_.emplace_back(key.name, *key.default_value);
    }
  }

  const NetworkReadOptions& options_;
  District& district_;
  NetworkBuilder builder_;
  FileErrors& errors_;
  absl::flat_hash_map<std::string, Key> keys_;
  std::string current_key_;
  std::string text_;
  bool rooted_ = false;  // the root element was seen
  int graph_depth_ = 0;
  int graphs_ = 0;
  bool directed_default_ = false;
  std::string builder_name_;
  bool in_node_ = false;
  bool in_edge_ = false;
  int node_ = 0;
  std::int64_t element_line_ = 0;
  std::int64_t data_line_ = 0;
  std::string data_key_;
  std::vector<std::pair<std::string, std::string>> data_;
  std::string edge_source_;
  std::string edge_target_;
  bool edge_directed_ = false;
  XmlNetworkParts parts_;
};

}  // namespace

absl::StatusOr<District> ReadGraphml(std::istream& in,
                                     const std::string& file_name,
                                     const NetworkReadOptions& options,
                                     NetworkReadReport* report) {
  return ReadXmlNetwork<GraphmlHandler>(in, file_name, options, report);
}

absl::StatusOr<std::string> FormatGraphml(const District& district) {
  absl::flat_hash_map<std::string, const School*> schools;
  for (const School& s : district.schools()) schools[s.id()] = &s;
  const std::vector<AttributeColumn> node_columns =
      NodeAttributeColumns(district);
  const std::vector<AttributeColumn> edge_columns =
      EdgeAttributeColumns(district);
  bool any_directed = false;
  bool any_undirected = false;
  for (const Tie& t : district.ties()) {
    (t.directed() ? any_directed : any_undirected) = true;
  }
  const bool directed = any_directed;  // mixed is written directed
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const AttributeColumn& c : node_columns) {
    absl::StrAppend(&out, "  <key id=\"v_", c.name,
                    "\" for=\"node\" attr.name=\"", c.name, "\" attr.type=\"",
                    AttributeTypeName(c.type), "\"/>\n");
  }
  for (const AttributeColumn& c : edge_columns) {
    absl::StrAppend(&out, "  <key id=\"e_", c.name,
                    "\" for=\"edge\" attr.name=\"", c.name, "\" attr.type=\"",
                    AttributeTypeName(c.type), "\"");
    if (c.name == "weight") {
      absl::StrAppend(&out, "><default>1</default></key>\n");
    } else {
      absl::StrAppend(&out, "/>\n");
    }
  }
  absl::StrAppend(&out, "  <graph id=\"", XmlEscape(district.name()),
                  "\" edgedefault=\"", directed ? "directed" : "undirected",
                  "\">\n");
  if (absl::Status s = CheckXmlText("the district name", district.name());
      !s.ok()) {
    return s;
  }
  for (const Teacher& t : district.teachers()) {
    if (absl::Status s = CheckXmlText("teacher id", t.id()); !s.ok()) return s;
    auto it = schools.find(t.school_id());
    const School* school = it == schools.end() ? nullptr : it->second;
    absl::StrAppend(&out, "    <node id=\"", XmlEscape(t.id()), "\">");
    for (const AttributeColumn& c : node_columns) {
      const std::string v = NodeAttributeText(c.name, t, school);
      if (v.empty()) continue;
      if (absl::Status s = CheckXmlText(c.name, v); !s.ok()) return s;
      absl::StrAppend(&out, "<data key=\"v_", c.name, "\">", XmlEscape(v),
                      "</data>");
    }
    absl::StrAppend(&out, "</node>\n");
  }
  auto edge = [&](const Tie& t, const std::string& s, const std::string& d) {
    absl::StrAppend(&out, "    <edge source=\"", XmlEscape(s), "\" target=\"",
                    XmlEscape(d), "\">");
    for (const AttributeColumn& c : edge_columns) {
      // Every edge carries its weight: networkx ignores a key's default.
      const std::string v = c.name == "weight" && !t.has_weight()
                                ? ShortestDouble(1)
                                : EdgeAttributeText(c.name, t);
      if (v.empty()) continue;
      absl::StrAppend(&out, "<data key=\"e_", c.name, "\">", XmlEscape(v),
                      "</data>");
    }
    absl::StrAppend(&out, "</edge>\n");
  };
  for (const Tie& t : district.ties()) {
    if (absl::Status s = CheckXmlText("teacher id", t.source()); !s.ok())
      return s;
    if (absl::Status s = CheckXmlText("teacher id", t.target()); !s.ok())
      return s;
    edge(t, t.source(), t.target());
    if (directed && !t.directed()) edge(t, t.target(), t.source());
  }
  (void)any_undirected;
  absl::StrAppend(&out, "  </graph>\n</graphml>\n");
  return out;
}

}  // namespace collabnet
