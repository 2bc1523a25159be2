@echo off
rem draftkit serve for Windows: double-click to open the browser app on this computer only
rem (127.0.0.1); the answers files are kept in the folder dropped on this file, or else in
rem Documents\draftkit-reports (made if missing). Close the window (or Ctrl-C) to stop.
for /f "tokens=*" %%a in ('chcp') do for %%b in (%%a) do set "DK_OLDCP=%%~nb"
chcp 65001 >nul
setlocal
for %%I in ("%~dp0..") do set "ROOT=%%~fI"
set "DK=%ROOT%\.venv\Scripts\draftkit.exe"
set "DK_CODE=0"
if not exist "%DK%" (
  echo 还没有安装 draftkit：请先双击 install.bat。
  set "DK_CODE=1"
  pause
  goto end
)
set "DK_FOLDER=%~1"
if "%~1"=="" set "DK_FOLDER=%USERPROFILE%\Documents\法治政府建设报告"
if not exist "%DK_FOLDER%" mkdir "%DK_FOLDER%"
echo 报告保存在：%DK_FOLDER%
"%DK%" serve "%DK_FOLDER%"
set "DK_CODE=%errorlevel%"
if not "%DK_CODE%"=="0" pause
:end
chcp %DK_OLDCP% >nul
endlocal & exit /b %DK_CODE%
