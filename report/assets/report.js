// Draws every chart of the page from the JSON blob in #report-data with Apache ECharts (SVG
// renderer, fixed size so the page prints on A4 as it shows). When done it sets
// data-charts-rendered on <body> to the number of charts that hold a drawing.
(function () {
  'use strict';
  var WIDTH = 680;
  var record = window.bedflowRecordError || function (m) { throw new Error(m); };
  var data;
  try {
    data = JSON.parse(document.getElementById('report-data').textContent);
  } catch (e) {
    record('the report data cannot be read: ' + e);
    return;
  }
  var dates = data.dates || {};

  function pairs(key, values) {
    var axis = dates[key] || [];
    var out = new Array(values.length);
    for (var i = 0; i < values.length; i++) out[i] = [axis[i], values[i]];
    return out;
  }

  function number(v) {
    if (v === null || v === undefined || isNaN(v)) return 'n/a';
    var a = Math.abs(v);
    var digits = a >= 100 ? 0 : a >= 10 ? 1 : 2;
    return Number(v).toLocaleString('en-GB', { maximumFractionDigits: digits });
  }

  function legendHeight(names) {
    var text = names.join('    ');
    return 24 * Math.max(1, Math.ceil(text.length * 6.5 / (WIDTH - 40)));
  }

  function baseOption(spec, legendNames) {
    var legendSpace = legendHeight(legendNames);
    return {
      animation: false,
      textStyle: { fontFamily: 'Segoe UI, Arial, DejaVu Sans, sans-serif' },
      title: { show: false },
      legend: { bottom: 0, left: 'center', data: legendNames, type: 'plain', itemWidth: 22,
                textStyle: { fontSize: 11 } },
      grid: { left: 72, right: 24, top: 20, bottom: 46 + legendSpace },
      _height: 270 + legendSpace
    };
  }

  function timeOption(spec) {
    var series = [];
    var legend = [];
    spec.series.forEach(function (s, k) {
      if (legend.indexOf(s.name) < 0) legend.push(s.name);
      if (s.kind === 'band') {
        var stack = 'band' + k;
        var width = s.high.map(function (h, i) { return h - s.low[i]; });
        series.push({ id: 'band-low-' + k, type: 'line', name: s.name, stack: stack,
                      data: pairs(s.dates, s.low), symbol: 'none', color: s.colour,
                      lineStyle: { opacity: 0 }, areaStyle: { opacity: 0 }, silent: true });
        series.push({ id: 'band-width-' + k, type: 'line', name: s.name, stack: stack,
                      data: pairs(s.dates, width), symbol: 'none', color: s.colour,
                      lineStyle: { opacity: 0 }, areaStyle: { color: s.colour, opacity: 0.18 },
                      silent: true });
      } else {
        series.push({ id: 'line-' + k, type: 'line', name: s.name, data: pairs(s.dates, s.values),
                      symbol: 'none', color: s.colour,
                      lineStyle: { width: s.style === 'solid' ? 2 : 1.6, type: s.style || 'solid' } });
      }
    });
    var option = baseOption(spec, legend);
    option.tooltip = {
      trigger: 'axis',
      formatter: function (params) {
        if (!params.length) return '';
        var lines = [String(params[0].axisValueLabel)];
        params.forEach(function (p) {
          if (String(p.seriesId).indexOf('band-') === 0) return;
          lines.push(p.marker + p.seriesName + ': ' + number(p.value[1]));
        });
        return lines.join('<br>');
      }
    };
    option.xAxis = { type: 'time', name: 'Date', nameLocation: 'middle', nameGap: 28,
                     axisLabel: { hideOverlap: true } };
    option.yAxis = { type: 'value', name: spec.y_name, nameLocation: 'middle', nameGap: 52,
                     scale: true };
    option.series = series;
    return option;
  }

  function barsOption(spec) {
    var legend = spec.series.map(function (s) { return s.name; });
    var option = baseOption(spec, legend);
    option.grid.left = 210;
    option._height = 90 + legendHeight(legend) +
        spec.categories.length * Math.max(32, spec.series.length * 18);
    option.tooltip = { trigger: 'axis', axisPointer: { type: 'shadow' },
                       valueFormatter: function (v) { return '£' + number(v) + 'm'; } };
    option.xAxis = { type: 'value', name: spec.y_name, nameLocation: 'middle', nameGap: 28 };
    option.yAxis = { type: 'category', data: spec.categories, inverse: true,
                     axisLabel: { width: 196, overflow: 'break', fontSize: 11, lineHeight: 13 } };
    option.series = spec.series.map(function (s) {
      return { type: 'bar', name: s.name, data: s.values, color: s.colour,
               label: { show: true, position: 'right', fontSize: 10,
                        formatter: function (p) { return '£' + number(p.value) + 'm'; } } };
    });
    return option;
  }

  // Vertical bars over named categories (months, hours of the day), one series per scenario.
  function columnsOption(spec) {
    var legend = spec.series.map(function (s) { return s.name; });
    var option = baseOption(spec, legend);
    option.tooltip = { trigger: 'axis', axisPointer: { type: 'shadow' },
                       valueFormatter: function (v) { return number(v); } };
    option.xAxis = { type: 'category', data: spec.categories,
                     axisLabel: { hideOverlap: true, fontSize: 11 } };
    option.yAxis = { type: 'value', name: spec.y_name, nameLocation: 'middle', nameGap: 52 };
    option.series = spec.series.map(function (s) {
      return { type: 'bar', name: s.name, data: s.values, color: s.colour };
    });
    return option;
  }

  function pointsOption(spec) {
    var legend = spec.series.map(function (s) { return s.name; });
    var option = baseOption(spec, legend);
    var percent = !!spec.percent;
    var fmt = function (v) { return percent ? (v * 100).toFixed(1) + '%' : number(v); };
    option.tooltip = { trigger: 'item', formatter: function (p) {
      return p.seriesName + '<br>' + number(p.value[0]) + ': ' + fmt(p.value[1]); } };
    option.xAxis = { type: 'value', name: spec.x_name, nameLocation: 'middle', nameGap: 28, scale: true };
    option.yAxis = { type: 'value', name: spec.y_name, nameLocation: 'middle', nameGap: 52, scale: true,
                     axisLabel: { formatter: fmt } };
    option.series = spec.series.map(function (s, k) {
      var out = { type: s.kind === 'line' ? 'line' : 'scatter', name: s.name, data: s.points,
                  color: s.colour, symbol: s.symbol || 'circle', symbolSize: 8 };
      if (k === 0 && typeof spec.threshold === 'number') {
        out.markLine = { symbol: 'none', silent: true, lineStyle: { color: '#000', type: 'dashed' },
                         label: { position: 'insideEndTop', formatter: 'target ' + fmt(spec.threshold) },
                         data: [{ yAxis: spec.threshold }] };
      }
      return out;
    });
    return option;
  }

  var builders = { time: timeOption, bars: barsOption, columns: columnsOption, points: pointsOption };
  var charts = [];
  (data.charts || []).forEach(function (spec) {
    var element = document.getElementById(spec.id);
    if (!element) { record('no place on the page for chart ' + spec.id); return; }
    try {
      var option = builders[spec.type](spec);
      var height = option._height;
      delete option._height;
      element.style.height = height + 'px';
      var chart = echarts.init(element, null, { renderer: 'svg', width: WIDTH, height: height });
      chart.setOption(option);
      charts.push(chart);
    } catch (e) {
      record('chart ' + spec.id + ' (' + spec.title + '): ' + e);
    }
  });

  function countDrawn() {
    var drawn = 0;
    (data.charts || []).forEach(function (spec) {
      var element = document.getElementById(spec.id);
      if (element && element.querySelector('svg path')) drawn++;
    });
    document.body.setAttribute('data-charts-rendered', String(drawn));
  }
  countDrawn();
  setTimeout(countDrawn, 0);

  // Printing shows everything: folded tables open before the page is laid out for paper.
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.open = true; });
  });
})();
