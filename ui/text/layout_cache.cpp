#include "ui/text/layout_cache.h"

#include <bit>
#include <cstdint>
#include <functional>

#include "base/secure_wipe.h"

namespace pk::ui {
namespace {

void mix(size_t& seed, size_t value) { seed ^= value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2); }

// A cached layout may be a citizen's national code or mobile number as it was typed, digit by
// digit (a field on the Identify screen): what leaves the cache is zeroed first, so the freed
// node keeps no copy of it, neither the UTF-8 key, nor the code points, nor the glyphs and
// offsets that spell it out.
void wipe(std::string& key, TextLayout& layout) {
  secure_wipe(key);
  secure_wipe(layout.text);
  secure_wipe(layout.byte_offsets);
  secure_wipe(layout.glyphs);
  secure_wipe(layout.lines);
}

}  // namespace

size_t LayoutCache::KeyHash::operator()(const KeyView& key) const {
  size_t seed = std::hash<std::string_view>{}(key.text);
  const TextStyle& s = key.style;
  mix(seed, std::bit_cast<uint32_t>(s.size_px));
  mix(seed, std::bit_cast<uint32_t>(s.max_width));
  mix(seed, static_cast<size_t>(s.weight));
  mix(seed, static_cast<size_t>(s.align));
  mix(seed, static_cast<size_t>(s.direction));
  mix(seed, static_cast<size_t>(static_cast<unsigned>(s.max_lines)));
  return seed;
}

const TextLayout* LayoutCache::find(std::string_view text, const TextStyle& style) {
  auto found = m_index.find(KeyView{text, style});
  if (found == m_index.end()) return nullptr;
  m_nodes.splice(m_nodes.begin(), m_nodes, found->second);
  return &found->second->layout;
}

const TextLayout& LayoutCache::insert(std::string_view text, const TextStyle& style, TextLayout layout) {
  m_nodes.push_front(Node{std::string(text), style, std::move(layout)});
  Node& node = m_nodes.front();
  m_index.emplace(KeyView{node.text, node.style}, m_nodes.begin());
  evict_to(m_capacity);
  return node.layout;
}

void LayoutCache::set_capacity(size_t capacity) {
  m_capacity = capacity == 0 ? 1 : capacity;
  evict_to(m_capacity);
}

void LayoutCache::evict_to(size_t count) {
  while (m_index.size() > count) {
    Node& oldest = m_nodes.back();
    m_index.erase(KeyView{oldest.text, oldest.style});
    wipe(oldest.text, oldest.layout);
    m_nodes.pop_back();
  }
}

}  // namespace pk::ui
