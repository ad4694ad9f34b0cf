// Every text of the shipped catalog (data/catalog.json), in every language it carries, is drawn
// by the shipped fonts: office names, and each service's title, steps, documents, forms,
// approver, compensation and dispute paragraphs, and the sample notice.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "domain/catalog.h"
#include "tests/support/font_coverage.h"

namespace pk::test {
namespace {

struct CatalogText {
  std::string where;  // "service 3 documents[1].title"
  const catalog::LocalText* text;
};

std::vector<CatalogText> texts_of(const catalog::Catalog& catalog) {
  std::vector<CatalogText> out{{"sample_notice", &catalog.sample_notice}};
  for (const catalog::Office& office : catalog.offices)
    out.push_back({"office " + office.id + " name", &office.name});
  for (const catalog::Service& service : catalog.services) {
    const std::string at = "service " + std::to_string(service.number) + " ";
    out.push_back({at + "title", &service.title});
    for (size_t i = 0; i < service.steps.size(); ++i)
      out.push_back({at + "steps[" + std::to_string(i) + "]", &service.steps[i]});
    for (size_t i = 0; i < service.documents.size(); ++i)
      out.push_back({at + "documents[" + std::to_string(i) + "].title", &service.documents[i].title});
    for (size_t i = 0; i < service.forms.size(); ++i)
      out.push_back({at + "forms[" + std::to_string(i) + "].title", &service.forms[i].title});
    out.push_back({at + "approver", &service.approver});
    out.push_back({at + "credit_policy", &service.credit_policy});
    out.push_back({at + "dispute", &service.dispute});
  }
  return out;
}

TEST(CatalogCoverage, EveryTextOfEveryLanguageIsDrawnByTheShippedFonts) {
  std::ifstream in(std::string(PK_SOURCE_DATA_DIR) + "/catalog.json");
  std::stringstream json;
  json << in.rdbuf();
  auto parsed = catalog::parse_catalog(json.str(), "catalog.json");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const catalog::Catalog catalog = std::move(parsed).value();
  ASSERT_EQ(catalog.services.size(), 23U);
  const std::vector<CatalogText> texts = texts_of(catalog);
  // At least a title, an approver, a compensation and a dispute text per service.
  EXPECT_GE(texts.size(), 1 + catalog.offices.size() + 4 * catalog.services.size());
  for (const CatalogText& entry : texts) {
    for (const Language language : {Language::Persian, Language::English}) {
      const std::string& text = entry.text->in(language);
      const std::vector<char32_t> missing = uncovered_code_points(text, language);
      EXPECT_TRUE(missing.empty()) << "catalog.json " << entry.where << " (" << language_code(language)
                                   << "): no glyph for " << describe_code_points(missing);
    }
  }
}

}  // namespace
}  // namespace pk::test
