#pragma once
// The page's assets, embedded at build time by report/tools/embed_assets.cpp from
// report/assets/ and report/vendor/ (see report/CMakeLists.txt).
#include <string_view>

namespace bedflow::report::assets {

extern const std::string_view page_template;   // assets/report.html, with {{...}} slots
extern const std::string_view page_css;        // assets/report.css
extern const std::string_view page_js;         // assets/report.js: draws the charts
extern const std::string_view echarts_js;      // vendor/echarts/echarts.min.js
extern const std::string_view echarts_license; // vendor/echarts/LICENSE

}  // namespace bedflow::report::assets
