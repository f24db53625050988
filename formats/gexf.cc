#include "formats/gexf.h"

#include <set>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "formats/network_attributes.h"
#include "io/csv_table.h"
#include "io/xml_reader.h"
#include "text/number_text.h"

namespace collabnet {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

struct Attribute {
  std::string title;  // lower-cased
  std::optional<std::string> default_value;
};

class GexfHandler : public XmlHandler {
 public:
  GexfHandler(const NetworkReadOptions& options, District& district,
              FileErrors& errors)
      : options_(options), builder_(district), errors_(errors) {}
  NetworkBuilder& builder() { return builder_; }

  void StartElement(absl::string_view name, const XmlAttributes& attributes,
                    std::int64_t line) override {
    text_.clear();
    if (!rooted_) {
      rooted_ = true;
      if (name != "gexf") {
        errors_.AddLine(
            line, absl::StrCat("the document is <", name, ">, not <gexf>"));
      }
    }
    if (name == "graph") {
      if (graphs_++ > 0) {
        errors_.AddLine(line, "a second <graph>; one network per file is read");
        return;
      }
      in_graph_ = true;
      const absl::string_view type =
          XmlAttribute(attributes, "defaultedgetype");
      if (!ParseEdgeType(type, line, "defaultedgetype", default_directed_)) {
        default_directed_ = false;
      }
    } else if (!in_graph_) {
      return;
    } else if (name == "attributes") {
      attribute_class_ = std::string(XmlAttribute(attributes, "class"));
    } else if (name == "attribute") {
      Attribute a;
      a.title = absl::AsciiStrToLower(XmlAttribute(attributes, "title"));
      current_attribute_ = std::string(XmlAttribute(attributes, "id"));
      if (a.title.empty()) a.title = absl::AsciiStrToLower(current_attribute_);
      (attribute_class_ == "edge" ? edge_attributes_
                                  : node_attributes_)[current_attribute_] = a;
    } else if (name == "node" && !in_node_ && !in_edge_) {
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
    } else if (name == "edge" && !in_edge_) {
      in_edge_ = true;
      data_.clear();
      PendingEdge e;
      e.source = std::string(XmlAttribute(attributes, "source"));
      e.target = std::string(XmlAttribute(attributes, "target"));
      e.line = line;
      e.directed = default_directed_;
      const absl::string_view type = XmlAttribute(attributes, "type");
      if (!type.empty()) ParseEdgeType(type, line, "type", e.directed);
      const absl::string_view weight = XmlAttribute(attributes, "weight");
      if (!weight.empty()) data_.emplace_back("weight", std::string(weight));
      for (const char* end : {"source", "target"}) {
        if (XmlAttribute(attributes, end).empty()) {
          errors_.Add(line, end, "is empty; expected a node id");
        }
      }
      edge_ = std::move(e);
    } else if (name == "attvalue" && (in_node_ || in_edge_)) {
      absl::string_view id = XmlAttribute(attributes, "for");
      if (id.empty()) id = XmlAttribute(attributes, "id");
      auto& table = in_edge_ ? edge_attributes_ : node_attributes_;
      auto it = table.find(id);
      if (it == table.end()) {
        errors_.Add(line, "for",
                    absl::StrCat("attvalue names attribute ", Quoted(id),
                                 ", which is not declared"));
        return;
      }
      if (!XmlAttribute(attributes, "start").empty() ||
          !XmlAttribute(attributes, "end").empty()) {
        dynamic_ = true;
      }
      data_.emplace_back(it->second.title,
                         std::string(XmlAttribute(attributes, "value")));
    }
  }

  void EndElement(absl::string_view name, std::int64_t /*line*/) override {
    if (name == "default" && !current_attribute_.empty()) {
      (attribute_class_ == "edge" ? edge_attributes_
                                  : node_attributes_)[current_attribute_]
          .default_value = text_;
    } else if (name == "attribute") {
      current_attribute_.clear();
    } else if (name == "graph") {
      in_graph_ = false;
    } else if (name == "node" && in_node_) {
      in_node_ = false;
      AddDefaults(node_attributes_);
      ApplyNodeAttributes(data_, options_, element_line_, node_, builder_,
                          errors_, parts_.unused_node);
    } else if (name == "edge" && in_edge_) {
      in_edge_ = false;
      AddDefaults(edge_attributes_);
      edge_.data = std::move(data_);
      data_.clear();
      parts_.edges.push_back(std::move(edge_));
    }
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
    if (dynamic_) {
      report.notes.push_back(
          "time-bounded attribute values were read without their bounds");
    }
  }

 private:
  bool ParseEdgeType(absl::string_view type, std::int64_t line,
                     absl::string_view field, bool& directed) {
    if (type == "directed") {
      directed = true;
    } else if (type == "undirected" || type == "mutual" || type.empty() ||
               type == "mixed") {
      // A mixed graph's edges say their own type; those that don't are
      // undirected.
      directed = false;
    } else {
      errors_.Add(line, field,
                  absl::StrCat("found ", Quoted(type),
                               "; expected directed, undirected or mutual"));
      return false;
    }
    return true;
  }

  void AddDefaults(const absl::flat_hash_map<std::string, Attribute>& table) {
    for (const auto& [id, a] : table) {
      if (!a.default_value) continue;
      bool given = false;
      for (const auto& [name, value] : data_) given |= (name == a.title);
      if (!given) data_.emplace_back(a.title, *a.default_value);
    }
  }

  const NetworkReadOptions& options_;
  NetworkBuilder builder_;
  FileErrors& errors_;
  absl::flat_hash_map<std::string, Attribute> node_attributes_;
  absl::flat_hash_map<std::string, Attribute> edge_attributes_;
  std::string attribute_class_;
  std::string current_attribute_;
  std::string text_;
  bool rooted_ = false;  // the root element was seen
  int graphs_ = 0;
  bool in_graph_ = false;
  bool default_directed_ = false;
  bool in_node_ = false;
  bool in_edge_ = false;
  bool dynamic_ = false;
  int node_ = 0;
  std::int64_t element_line_ = 0;
  Pairs data_;
  PendingEdge edge_;
  XmlNetworkParts parts_;
};

}  // namespace

absl::StatusOr<District> ReadGexf(std::istream& in,
                                  const std::string& file_name,
                                  const NetworkReadOptions& options,
                                  NetworkReadReport* report) {
  return ReadXmlNetwork<GexfHandler>(in, file_name, options, report);
}

absl::StatusOr<std::string> FormatGexf(const District& district) {
  absl::flat_hash_map<std::string, const School*> schools;
  for (const School& s : district.schools()) schools[s.id()] = &s;
  std::vector<AttributeColumn> node_columns = NodeAttributeColumns(district);
  std::vector<AttributeColumn> edge_columns;
  for (const AttributeColumn& c : EdgeAttributeColumns(district)) {
    if (c.name != "weight") edge_columns.push_back(c);  // native in GEXF
  }
  // A network with any directed tie is written directed, its undirected
  // ties as two arcs (below): readers (networkx) refuse a mixed graph.
  bool default_directed = false;
  for (const Tie& t : district.ties()) default_directed |= t.directed();
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
      "  <meta><creator>collabnet</creator></meta>\n";
  absl::StrAppend(&out, "  <graph mode=\"static\" defaultedgetype=\"",
                  default_directed ? "directed" : "undirected", "\">\n");
  for (const auto& [cls, columns] :
       {std::pair{"node", &node_columns}, std::pair{"edge", &edge_columns}}) {
    if (columns->empty()) continue;
    absl::StrAppend(&out, "    <attributes class=\"", cls, "\">\n");
    for (const AttributeColumn& c : *columns) {
      absl::StrAppend(&out, "      <attribute id=\"", c.name, "\" title=\"",
                      c.name, "\" type=\"", AttributeTypeName(c.type),
                      "\"/>\n");
    }
    absl::StrAppend(&out, "    </attributes>\n");
  }
  absl::StrAppend(&out, "    <nodes>\n");
  for (const Teacher& t : district.teachers()) {
    if (absl::Status s = CheckXmlText("teacher id", t.id()); !s.ok()) return s;
    auto it = schools.find(t.school_id());
    const School* school = it == schools.end() ? nullptr : it->second;
    const std::string id = XmlEscape(t.id());
    absl::StrAppend(&out, "      <node id=\"", id, "\" label=\"", id, "\">");
    std::string values;
    for (const AttributeColumn& c : node_columns) {
      const std::string v = NodeAttributeText(c.name, t, school);
      if (v.empty()) continue;
      if (absl::Status s = CheckXmlText(c.name, v); !s.ok()) return s;
      absl::StrAppend(&values, "<attvalue for=\"", c.name, "\" value=\"",
                      XmlEscape(v), "\"/>");
    }
    if (!values.empty())
      absl::StrAppend(&out, "<attvalues>", values, "</attvalues>");
    absl::StrAppend(&out, "</node>\n");
  }
  absl::StrAppend(&out, "    </nodes>\n    <edges>\n");
  int index = 0;
  for (const Tie& t : district.ties()) {
    for (const std::string& end : {t.source(), t.target()}) {
      if (absl::Status s = CheckXmlText("teacher id", end); !s.ok()) return s;
    }
    // A directed network's undirected tie is written as its two arcs, as
    // GraphML does: readers (networkx) refuse a mixed GEXF graph.
    const bool both_ways = default_directed && !t.directed();
    for (int way = 0; way < (both_ways ? 2 : 1); ++way) {
      const std::string& from = way == 0 ? t.source() : t.target();
      const std::string& to = way == 0 ? t.target() : t.source();
      absl::StrAppend(&out, "      <edge id=\"", index++, "\" source=\"",
                      XmlEscape(from), "\" target=\"", XmlEscape(to), "\"");
      // Every edge carries its weight: networkx reads no default.
      absl::StrAppend(&out, " weight=\"",
                      ShortestDouble(t.has_weight() ? t.weight() : 1.0), "\"");
      absl::StrAppend(&out, ">");
      std::string values;
      for (const AttributeColumn& c : edge_columns) {
        const std::string v = EdgeAttributeText(c.name, t);
        if (v.empty()) continue;
        absl::StrAppend(&values, "<attvalue for=\"", c.name, "\" value=\"",
                        XmlEscape(v), "\"/>");
      }
      if (!values.empty())
        absl::StrAppend(&out, "<attvalues>", values, "</attvalues>");
      absl::StrAppend(&out, "</edge>\n");
    }
  }
  absl::StrAppend(&out, "    </edges>\n  </graph>\n</gexf>\n");
  return out;
}

}  // namespace collabnet
