"""Writes the hand-made import fixtures (original content written for Saima's tests).
Run: python3 -m venv v && v/bin/pip install openpyxl==3.1.5 && v/bin/python make-fixtures.py"""
import datetime, openpyxl
from openpyxl.styles import Font

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "单选与判断"
ws.merge_cells("A1:J1")
ws["A1"] = "明川农村商业银行（虚构）信贷合规题库 2026 年第一批"
ws["A1"].font = Font(bold=True)
ws.append(["编号", "题型", "题目", "选项A", "选项B", "选项C", "选项D", "答案", "解析", "难度"])
ws.append(["cc-001", "单选", "个人贷款“三查”制度不包括下列哪一项？", "贷前调查", "贷时审查", "贷后检查", "贷款营销", "D", "三查为调查、审查、检查。", "易"])
ws.append(["cc-002", "多选", "下列哪些属于反洗钱客户身份识别的要求？", "核实身份证件", "登记职业信息", "代客户签字", "识别受益所有人", "A、B、D", "", "中"])
ws.append(["cc-003", "判断", "同一笔贷款的调查人和审查人可以由同一人担任。", None, None, None, None, "错", "", ""])
ws.append(["cc-004", "数值", "房屋总价 360 万元，首付比例 20%，最低首付款为多少万元？", None, None, None, None, 72, "", ""])
ws.append(["cc-005", "简答", "合同签订日期是哪一天？（答 yyyy-mm-dd）", None, None, None, None, datetime.date(2024, 3, 1), "", ""])
ws["H7"].number_format = "yyyy/m/d"
ws2 = wb.create_sheet("计算题")
ws2.append(["id", "type", "prompt", "answer", "tolerance", "tags"])
ws2.append(["cc-101", "numeric", "贷款 10 万元，年利率 4.35%，一年期到期一次还本付息，利息为多少元？", 4350, 0.001, "计算，利息"])
ws3 = wb.create_sheet("说明")
ws3.append(["本表按 Saima 默认列格式填写。"])
wb.save("bank-questions.xlsx")

bad = openpyxl.Workbook()
b = bad.active
b.title = "Sheet1"
b.append(["编号", "题型", "题目", "选项A", "选项B", "答案"])
b.append(["x-1", "单选", "第一题？", "甲", "乙", "C"])
b.append(["x-1", "单选", "第二题？", "甲", "乙", "A"])
b.append(["x-3", "填空题型", "第三题？", "", "", "答"])
b.append(["x-4", "单选", "", "甲", "乙", "A"])
bad.save("broken.xlsx")

rows = [["编号", "题型", "题目", "选项A", "选项B", "选项C", "选项D", "答案", "解析"],
        ["gov-1", "单选", "12345 热线受理的诉求应在几个工作日内首次回复？", "1", "3", "5", "10", "B", "按本市规定。"],
        ["gov-2", "判断", "办理居住证需要本人到场采集照片。", "", "", "", "", "对", ""]]
with open("hotline-gbk.csv", "w", encoding="gbk", newline="") as f:
    for r in rows:
        f.write(",".join(r) + "\r\n")

with open("ceval-sample.csv", "w", encoding="utf-8", newline="") as f:
    f.write("id,question,A,B,C,D,answer,explanation\n")
    f.write('0,以下哪项是虚构的“明川市”所在省份的简称？,明,川,青,澜,B,"本题为测试编写。"\n')
    f.write("1,一年有几个季度？,2,3,4,5,C,\n")
with open("cmmlu-sample.csv", "w", encoding="utf-8", newline="") as f:
    f.write(",Question,A,B,C,D,Answer\n")
    f.write("0,水在标准大气压下的沸点是多少摄氏度？,90,100,110,120,B\n")
    f.write("1,下列哪种不是哺乳动物？,鲸,蝙蝠,企鹅,海豚,C\n")
