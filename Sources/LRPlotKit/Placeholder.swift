import ScheduleCore
import Plot
public enum LRPlotKitPlaceholder {}
