#pragma once
// A least-recently-used cache of layouts keyed by (string, style), bounded by a count so a
// screen that shows ever-new strings (a clock, a scanner's feed) cannot grow it without end.
// Layouts live in list nodes, which never move, so a returned reference stays valid until
// that layout is evicted. An evicted entry (and every entry clear() drops) is zeroed before it
// is freed: the cache sees identity text, and must leave no copy of it behind.
#include <cstddef>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>

#include "ui/text/text_layout.h"
#include "ui/text/text_style.h"

namespace pk::ui {

class LayoutCache {
 public:
  explicit LayoutCache(size_t capacity) : m_capacity(capacity == 0 ? 1 : capacity) {}

  // The cached layout, marked most recently used, or nullptr.
  [[nodiscard]] const TextLayout* find(std::string_view text, const TextStyle& style);
  // Stores a layout (the key must not be present) and evicts the least recently used ones
  // beyond the capacity.
  const TextLayout& insert(std::string_view text, const TextStyle& style, TextLayout layout);

  void set_capacity(size_t capacity);
  // Zeroes and drops every entry.
  void clear() { evict_to(0); }
  [[nodiscard]] size_t capacity() const { return m_capacity; }
  [[nodiscard]] size_t size() const { return m_index.size(); }

 private:
  struct Node {
    std::string text;
    TextStyle style;
    TextLayout layout;
  };
  // Points into a Node; list nodes never move, so the view stays valid while the node lives.
  struct KeyView {
    std::string_view text;
    TextStyle style;
    friend bool operator==(const KeyView&, const KeyView&) = default;
  };
  struct KeyHash {
    size_t operator()(const KeyView& key) const;
  };
  void evict_to(size_t count);

  size_t m_capacity;
  std::list<Node> m_nodes;  // front = most recently used
  std::unordered_map<KeyView, std::list<Node>::iterator, KeyHash> m_index;
};

}  // namespace pk::ui
