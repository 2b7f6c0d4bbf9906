// The parts of Apache ECharts that minhbach's charts use (see
// ../../chart): line and bar series, the grid, the tooltip, the target's
// mark line and the SVG renderer; and the three calls charts.js and the
// browser tests make. No aria component: charts.js names the live chart
// from the drawing's own title and description, in the page's number
// format.
import { use } from 'echarts/core';
import { LineChart, BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, MarkLineComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([LineChart, BarChart, GridComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

export { init, getInstanceByDom, registerLocale } from 'echarts/core';
