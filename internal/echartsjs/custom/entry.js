// The parts of Apache ECharts that minhbach's charts use (see
// ../../chart): line and bar series, the grid, the tooltip, the target's
// mark line, aria (decals and the screen-reader description) and the SVG
// renderer; and the three calls charts.js and the browser tests make.
import { use } from 'echarts/core';
import { LineChart, BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, MarkLineComponent, AriaComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([LineChart, BarChart, GridComponent, TooltipComponent, MarkLineComponent, AriaComponent, SVGRenderer]);

export { init, getInstanceByDom, registerLocale } from 'echarts/core';
