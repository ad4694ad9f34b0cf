#include "domain/catalog_search.h"

#include <algorithm>

#include "domain/text_normalize.h"
#include "domain/utf8.h"

namespace pk::catalog {
namespace {

// Scores per query word; a number match outranks any amount of word matches.
constexpr int kNumberMatch = 1000;
constexpr int kExactTitleWord = 30;
constexpr int kTitlePrefix = 20;
constexpr int kTitleJoined = 10;  // typed without the space or ZWNJ the title has
constexpr int kOfficeWord = 5;

bool is_word_char(char32_t cp) {
  if (cp < 0x80)
    return (cp >= U'0' && cp <= U'9') || (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z');
  switch (cp) {
    case 0x060C:
    case 0x061B:
    case 0x061F:
    case 0x066B:
    case 0x066C:
    case 0x06D4:  // Arabic punctuation
    case 0x00AB:
    case 0x00BB:
    case 0x2013:
    case 0x2014:
    case 0x2026:
    case 0xFFFD:
      return false;
    default:
      return true;
  }
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (char32_t cp : utf8::decode(normalize_for_search(text))) {
    if (is_word_char(cp)) {
      utf8::append(current, cp);
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

struct Searchable {
  std::vector<std::string> title_words;   // Persian and English titles
  std::vector<std::string> title_joined;  // each suffix of each title with its spaces removed
  std::vector<std::string> office_words;
};

void add_title(Searchable& s, std::string_view title) {
  const auto words = words_of(title);
  s.title_words.insert(s.title_words.end(), words.begin(), words.end());
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string joined;
    for (std::size_t j = i; j < words.size(); ++j) joined += words[j];
    s.title_joined.push_back(std::move(joined));
  }
}

Searchable searchable(const Catalog& catalog, const Service& service) {
  Searchable s;
  add_title(s, service.title.fa);
  add_title(s, service.title.en);
  if (const Office* office = catalog.office(service.office_id)) {
    for (const auto* text : {&office->name.fa, &office->name.en}) {
      const auto words = words_of(*text);
      s.office_words.insert(s.office_words.end(), words.begin(), words.end());
    }
  }
  return s;
}

int score_word(const Searchable& s, const std::string& word) {
  int best = 0;
  for (const auto& w : s.title_words) {
    if (w == word) return kExactTitleWord;
    if (w.starts_with(word)) best = std::max(best, kTitlePrefix);
  }
  if (best > 0) return best;
  for (const auto& j : s.title_joined) {
    if (j.starts_with(word)) return kTitleJoined;
  }
  for (const auto& w : s.office_words) {
    if (w.starts_with(word)) return kOfficeWord;
  }
  return 0;
}

bool is_number(const std::string& word) {
  return !word.empty() && word.size() <= 9 &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::vector<int> search_services(const Catalog& catalog, std::string_view query) {
  const auto words = words_of(query);
  std::vector<std::pair<int, int>> scored;  // (score, number)
  for (const Service& service : catalog.services) {
    if (!service.offered_at(Channel::Kiosk) && !service.offered_at(Channel::Counter)) continue;
    if (words.empty()) {
      scored.emplace_back(0, service.number);
      continue;
    }
    const Searchable s = searchable(catalog, service);
    int total = 0;
    bool all = true;
    for (const auto& word : words) {
      int score = score_word(s, word);
      if (is_number(word) && std::stoi(word) == service.number) score = kNumberMatch;
      if (score == 0) {
        all = false;
        break;
      }
      total += score;
    }
    if (all) scored.emplace_back(total, service.number);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<int> numbers;
  numbers.reserve(scored.size());
  for (const auto& [score, number] : scored) numbers.push_back(number);
  return numbers;
}

}  // namespace pk::catalog
